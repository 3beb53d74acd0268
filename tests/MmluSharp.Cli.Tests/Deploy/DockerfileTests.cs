using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace MmluSharp.Cli.Tests.Deploy;

/// <summary>No Docker engine runs here: the Dockerfile is checked against the repository it builds from.</summary>
public partial class DockerfileTests
{
    private static readonly string[] Lines = File.ReadAllLines(Repository.File("Dockerfile"));

    [Fact]
    public void Everything_the_build_stage_copies_exists_in_the_repository()
    {
        var sources = Lines.Where(l => l.StartsWith("COPY ", StringComparison.Ordinal) && !l.Contains("--from", StringComparison.Ordinal))
            .SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..^1])
            .ToList();

        Assert.Contains("src/", sources);
        Assert.All(sources, s => Assert.True(File.Exists(Repository.File(s)) || Directory.Exists(Repository.File(s)), $"{s} is not in the repository"));
    }

    [Fact]
    public void The_image_publishes_the_cli_project_and_starts_its_mmlu_executable()
    {
        var publish = Publish().Match(string.Join('\n', Lines));
        Assert.True(publish.Success);
        var project = XDocument.Load(Repository.File(publish.Groups["project"].Value));
        var assembly = project.Descendants("AssemblyName").Single().Value;

        Assert.Equal($"ENTRYPOINT [\"{publish.Groups["out"].Value}/{assembly}\"]", Lines.Single(l => l.StartsWith("ENTRYPOINT", StringComparison.Ordinal)));
        Assert.Contains(Lines, l => l == $"COPY --from=build {publish.Groups["out"].Value} {publish.Groups["out"].Value}");
    }

    [Fact]
    public void The_base_images_are_the_dotnet_version_the_projects_target()
    {
        var target = XDocument.Load(Repository.File("Directory.Build.props")).Descendants("TargetFramework").Single().Value; // net10.0
        var version = target["net".Length..];

        Assert.Equal(
            [$"FROM mcr.microsoft.com/dotnet/sdk:{version} AS build", $"FROM mcr.microsoft.com/dotnet/runtime:{version}"],
            Lines.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)));
    }

    [GeneratedRegex(@"RUN dotnet publish (?<project>\S+\.csproj) -c Release -o (?<out>\S+)")]
    private static partial Regex Publish();
}
