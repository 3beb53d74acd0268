using MmluSharp.Datasets.Download;
using MmluSharp.Tests.Datasets;

namespace MmluSharp.Tests.Download;

public sealed class DatasetCacheTests
{
    private static Func<string, string?> Env(params (string Key, string Value)[] vars) =>
        key => vars.FirstOrDefault(v => v.Key == key).Value;

    [Fact]
    public void MMLU_HOME_wins_over_XDG_CACHE_HOME_and_home()
    {
        var root = DatasetCache.ResolveRoot(Env(("MMLU_HOME", "/data/mmlu-cache"), ("XDG_CACHE_HOME", "/xdg")), "/home/u");
        Assert.Equal(Path.GetFullPath("/data/mmlu-cache"), root);
    }

    [Fact]
    public void XDG_CACHE_HOME_gets_a_mmlusharp_folder()
    {
        Assert.Equal(Path.GetFullPath("/xdg/mmlusharp"), DatasetCache.ResolveRoot(Env(("XDG_CACHE_HOME", "/xdg")), "/home/u"));
    }

    [Fact]
    public void Without_variables_or_with_empty_or_relative_ones_it_is_dot_cache_in_home()
    {
        var expected = Path.GetFullPath("/home/u/.cache/mmlusharp");
        Assert.Equal(expected, DatasetCache.ResolveRoot(Env(), "/home/u"));
        Assert.Equal(expected, DatasetCache.ResolveRoot(Env(("MMLU_HOME", ""), ("XDG_CACHE_HOME", "")), "/home/u"));
        Assert.Equal(expected, DatasetCache.ResolveRoot(Env(("XDG_CACHE_HOME", "relative/cache")), "/home/u"));
    }

    [Fact]
    public void A_folder_counts_as_downloaded_only_with_its_manifest()
    {
        using var temp = new TempFolder();
        Assert.Null(DatasetCache.Find(temp.Path, "mmlu"));

        temp.Write("mmlu/dev/anatomy_dev.csv", "q,a,b,c,d,A\r\n");
        Assert.Null(DatasetCache.Find(temp.Path, "mmlu"));

        temp.Write("mmlu/manifest.json", "{}");
        Assert.Equal(Path.Combine(temp.Path, "mmlu"), DatasetCache.Find(temp.Path, "mmlu"));
    }

    [Theory]
    [InlineData("../mmlu")]
    [InlineData("a/b")]
    [InlineData("..")]
    public void A_name_with_a_path_in_it_is_refused(string name)
    {
        Assert.Throws<ArgumentException>(() => DatasetCache.Find("/tmp", name));
    }
}
