using MmluSharp.Results;

namespace MmluSharp.Reports;

/// <summary>One row of an accuracy table: a subject, subcategory, category or the whole run.</summary>
/// <param name="Name">What the row measures.</param>
/// <param name="Group">The enclosing group (a subject's category), or empty.</param>
/// <param name="Accuracy">Fraction right.</param>
/// <param name="N">Questions.</param>
/// <param name="Correct">Questions answered right.</param>
/// <param name="Stderr">Standard error of <paramref name="Accuracy"/>.</param>
public sealed record AccuracyRow(string Name, string Group, double Accuracy, int N, int Correct, double Stderr)
{
    /// <summary>Lower end of the normal 95% interval, clipped at 0.</summary>
    public double Lower => AccuracyStats.Interval(Accuracy, Stderr).Lower;

    /// <summary>Upper end of the normal 95% interval, clipped at 1.</summary>
    public double Upper => AccuracyStats.Interval(Accuracy, Stderr).Upper;
}
