using MmluSharp.Datasets;
using MmluSharp.Testing;

namespace MmluSharp.Tests.Download;

/// <summary>A temporary cache (<see cref="Fixture"/>) and a loopback file server (<see cref="Server"/>) for each test.</summary>
public abstract class DownloadServerTests : IAsyncLifetime, IDisposable
{
    private const string Pro = "hf/TIGER-Lab/MMLU-Pro/";

    private protected DownloadFixture Fixture { get; } = new();

    private protected FileServer Server { get; private set; } = null!;

    /// <summary>Where <see cref="ServeMmluProAsync"/> serves MMLU-Pro's two parquet files from.</summary>
    private protected Uri ProBase => Server.Url(Pro);

    /// <summary>A folder the server also serves (null: in-memory files only).</summary>
    private protected virtual string? ServedFolder => null;

    public virtual async Task InitializeAsync() => Server = await FileServer.StartAsync(ServedFolder);

    public async Task DisposeAsync() => await Server.DisposeAsync();

    public void Dispose()
    {
        Fixture.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Serves the shared MMLU-Pro parquet files under <see cref="ProBase"/><c>data/</c>.</summary>
    private protected async Task ServeMmluProAsync()
    {
        foreach (var file in new[] { "test-00000-of-00001.parquet", "validation-00000-of-00001.parquet" })
        {
            Server.Files[Pro + "data/" + file] = await File.ReadAllBytesAsync(SharedData.Dataset("mmlu-pro", "parquet", file));
        }
    }

    /// <summary>Runs a download that must be refused, checks it left nothing behind, and returns the refusal.</summary>
    private protected async Task<DatasetException> RefusedAsync(Func<Task> download)
    {
        var e = await Assert.ThrowsAsync<DatasetException>(download);
        Assert.Equal(["cache"], Fixture.Everything());
        return e;
    }
}
