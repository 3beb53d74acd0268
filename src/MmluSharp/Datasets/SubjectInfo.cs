namespace MmluSharp.Datasets;

/// <summary>A subject with its place in a catalogue.</summary>
/// <param name="Name">The subject key, e.g. <c>high_school_physics</c>.</param>
/// <param name="Subcategory">e.g. <c>physics</c>.</param>
/// <param name="Category">e.g. <c>STEM</c>.</param>
public sealed record SubjectInfo(string Name, string Subcategory, string Category)
{
    /// <summary>The subject's words, as the prompts name it: <c>high school physics</c>.</summary>
    public string Words => Name.Replace('_', ' ');
}
