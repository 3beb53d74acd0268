namespace MmluSharp.Reports.Svg;

/// <summary>One colour per MMLU category, so a subject's bar shows where it belongs.</summary>
internal static class CategoryColors
{
    public static string Of(string category) => category switch
    {
        "STEM" => "#4e79a7",
        "humanities" => "#f28e2b",
        "social sciences" => "#59a14f",
        "other" => "#b07aa1",
        _ => "#7f7f7f",
    };
}
