namespace MmluSharp.Datasets;

/// <summary>How subjects are grouped into categories.</summary>
public enum Grouping
{
    /// <summary><c>categories.py</c> of hendrycks/test (anatomy under "other" via health).</summary>
    Original,

    /// <summary>lm-evaluation-harness' <c>mmlu</c> groups (anatomy under STEM).</summary>
    Harness,
}
