using MmluSharp.Testing;

namespace MmluSharp.Cli.Tests;

public class DatasetsInfoCommandTests
{
    [Fact]
    public void Datasets_info_shows_split_counts_categories_and_duplicates_of_the_real_data()
    {
        var result = Cli.Run("datasets", "info", "--data", SharedData.Mmlu);

        Assert.Equal(0, result.ExitCode);
        foreach (var expected in new[] { "14,042", "1,531", "285", "3,018", "4,705", "3,077", "3,242", "college_physics 11" })
        {
            Assert.Contains(expected, result.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Help_lists_every_command()
    {
        var result = Cli.Run("--help");
        foreach (var command in new[] { "run", "prompts", "export", "datasets", "model" })
        {
            Assert.Contains(command, result.Output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("run")]
    [InlineData("prompts")]
    [InlineData("merge")]
    [InlineData("report")]
    [InlineData("compare")]
    [InlineData("export", "qlora")]
    [InlineData("datasets", "info")]
    [InlineData("datasets", "download")]
    [InlineData("model", "info")]
    public void Help_of_every_command_renders(params string[] command)
    {
        var result = Cli.Run([.. command, "--help"]);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("USAGE:", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("error", result.Output, StringComparison.OrdinalIgnoreCase);
    }
}
