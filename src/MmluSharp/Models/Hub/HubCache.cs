using System.Text;
using MmluSharp.IO;

namespace MmluSharp.Models.Hub;

/// <summary>
/// The Hugging Face hub cache layout, shared with huggingface_hub, huggingface-cli and llama.cpp so a file is downloaded
/// once for all of them: <c>models--owner--repo/blobs/&lt;sha256&gt;</c> holds each verified file (partial downloads are
/// <c>&lt;sha256&gt;.incomplete</c>), <c>snapshots/&lt;commit&gt;/&lt;path&gt;</c> links to the blob, and
/// <c>refs/&lt;revision&gt;</c> holds the commit a branch or tag pointed to. Locks are in <c>.locks/models--owner--repo/</c>.
/// </summary>
internal sealed class HubCache(string root, string repository)
{
    public string Root { get; } = root;

    /// <summary><c>&lt;root&gt;/models--owner--repo</c>.</summary>
    public string RepoFolder { get; } = Path.Combine(root, FolderName(repository));

    public string BlobPath(string blob) => Path.Combine(RepoFolder, "blobs", blob);

    public string IncompletePath(string blob) => BlobPath(blob) + ".incomplete";

    public string LockPath(string blob) => Path.Combine(Root, ".locks", FolderName(repository), blob + ".lock");

    public string SnapshotFolder(string commit) => Path.Combine(RepoFolder, "snapshots", commit);

    public string SnapshotPath(string commit, string file) => Path.Combine([SnapshotFolder(commit), .. file.Split('/')]);

    /// <summary><c>models--owner--repo</c>, as huggingface_hub's <c>repo_folder_name</c> builds it.</summary>
    public static string FolderName(string repository) => "models--" + repository.Replace("/", "--", StringComparison.Ordinal);

    /// <summary>The commit <paramref name="revision"/> resolves to in the cache: itself for a commit, else its ref file's content.</summary>
    public string? ReadRef(string revision)
    {
        if (HubReference.IsCommit(revision))
        {
            return revision;
        }

        var path = RefPath(revision);
        try
        {
            return File.Exists(path) && File.ReadAllText(path).Trim() is var commit && HubReference.IsCommit(commit) ? commit : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>
    /// Records that <paramref name="revision"/> pointed to <paramref name="commit"/> (nothing for a commit). The ref is
    /// a hint: when another process writes it at the same moment (shards starting together), theirs is kept.
    /// </summary>
    public void WriteRef(string revision, string commit)
    {
        if (revision == commit || ReadRef(revision) == commit)
        {
            return;
        }

        try
        {
            AtomicFile.Write(RefPath(revision), stream => stream.Write(Encoding.ASCII.GetBytes(commit)));
        }
        catch (IOException) when (ReadRef(revision) is not null)
        {
        }
    }

    /// <summary>Every file of a cached snapshot, as <c>/</c>-separated repository paths; empty when there is none.</summary>
    public IReadOnlyList<string> ListSnapshot(string commit)
    {
        var folder = SnapshotFolder(commit);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(p => Size(p) is not null)
            .Select(p => Path.GetRelativePath(folder, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>The size of the file at <paramref name="path"/>, following links; null when there is none (a dangling link included).</summary>
    public static long? Size(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is null)
        {
            return info.Exists ? info.Length : null;
        }

        return info.ResolveLinkTarget(returnFinalTarget: true) is FileInfo { Exists: true } target ? target.Length : null;
    }

    /// <summary>
    /// The blob a snapshot file is: the name its link points to (a SHA-256 for LFS files), or null when it is a plain
    /// file (huggingface_hub's fallback where links cannot be made).
    /// </summary>
    public static string? BlobNameOf(string snapshotPath) =>
        new FileInfo(snapshotPath).LinkTarget is { } target ? Path.GetFileName(target) : null;

    /// <summary>
    /// Makes <c>snapshots/&lt;commit&gt;/&lt;file&gt;</c> point to a complete blob: a relative link as huggingface_hub makes,
    /// or where links cannot be made, a copy written under a temporary name and renamed.
    /// </summary>
    public string Link(string commit, string file, string blob)
    {
        var pointer = SnapshotPath(commit, file);
        if (Size(pointer) is not null)
        {
            return pointer;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(pointer)!);
        var blobPath = BlobPath(blob);
        var temp = pointer + ".link-" + Guid.NewGuid().ToString("N");
        try
        {
            try
            {
                File.CreateSymbolicLink(temp, Path.GetRelativePath(Path.GetDirectoryName(pointer)!, blobPath));
            }
            catch (IOException)
            {
                File.Copy(blobPath, temp);
            }
            catch (UnauthorizedAccessException)
            {
                File.Copy(blobPath, temp);
            }

            File.Move(temp, pointer, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }

        return pointer;
    }

    private string RefPath(string revision) => Path.Combine([RepoFolder, "refs", .. revision.Split('/')]);
}
