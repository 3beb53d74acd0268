using MmluSharp.Testing;

namespace MmluSharp.Cli.Tests;

public class ExportQloraCommandTests
{
    [Fact]
    public void Export_qlora_zero_shot_val_reproduces_qloras_file_byte_for_byte()
    {
        var output = Path.Combine(Cli.TempFolder("qlora"), "zero_shot_mmlu_val.json");
        var result = Cli.Run("export", "qlora", "--data", SharedData.Mmlu, "--split", "val", "--shots", "0", "--out", output);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(File.ReadAllBytes(SharedData.QloraVal), File.ReadAllBytes(output));
    }

    [Fact]
    public void Export_qlora_refuses_shot_counts_qlora_never_used()
    {
        var result = Cli.Run("export", "qlora", "--data", SharedData.Mmlu, "--shots", "3");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--shots must be 0 or 5", result.Output, StringComparison.Ordinal);
    }
}
