using MmluSharp.Datasets;

namespace MmluSharp.Benchmarks.MmluRedux;

/// <summary>A folder of raw MMLU-Redux files, <c>mmlu_&lt;subject&gt;.csv</c> (aryopg/mmlu-redux <c>mmlu_redux/</c>).</summary>
internal sealed class ReduxDirectory
{
    private const string Prefix = "mmlu_";
    private const string Suffix = ".csv";

    /// <summary>Opens a folder.</summary>
    /// <exception cref="DatasetException">The folder does not exist.</exception>
    public ReduxDirectory(string root) =>
        Root = DatasetException.RequireFolder(root, "MMLU-Redux folder not found (expected files mmlu_<subject>.csv)");

    /// <summary>The folder.</summary>
    public string Root { get; }

    /// <summary>The subjects that have a file, ordinal-sorted.</summary>
    public IReadOnlyList<string> Subjects()
    {
        var subjects = Directory.EnumerateFiles(Root, Prefix + "*" + Suffix)
            .Select(path => Path.GetFileName(path))
            .Where(name => name.Length > Prefix.Length + Suffix.Length
                && name.StartsWith(Prefix, StringComparison.Ordinal) && name.EndsWith(Suffix, StringComparison.Ordinal))
            .Select(name => name[Prefix.Length..^Suffix.Length])
            .ToList();
        subjects.Sort(StringComparer.Ordinal);
        return subjects;
    }

    /// <summary>The path of a subject's file.</summary>
    public string FileOf(string subject) => Path.Combine(Root, Prefix + subject + Suffix);

    /// <summary>
    /// The files of several subjects (all when <paramref name="subjects"/> is null), in ordinal subject order.
    /// Files are read in parallel; the result and the error reported are deterministic.
    /// </summary>
    /// <exception cref="DatasetException">There are no files, a subject has no file, or a file is malformed.</exception>
    public IReadOnlyList<ReduxFile> Read(IReadOnlyCollection<string>? subjects = null)
    {
        var available = Subjects();
        if (available.Count == 0)
        {
            throw DatasetException.At(Root, 0, "no MMLU-Redux files (mmlu_<subject>.csv) in this folder");
        }

        var chosen = SubjectSelection.Choose(available, subjects, Root);

        var files = new ReduxFile[chosen.Count];
        var errors = new DatasetException?[chosen.Count];
        Parallel.For(0, chosen.Count, i =>
        {
            try
            {
                files[i] = ReduxReader.Read(FileOf(chosen[i]), chosen[i]);
            }
            catch (DatasetException e)
            {
                errors[i] = e;
            }
        });

        if (Array.Find(errors, e => e is not null) is { } first)
        {
            throw first;
        }

        return files;
    }
}
