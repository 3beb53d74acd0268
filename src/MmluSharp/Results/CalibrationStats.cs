namespace MmluSharp.Results;

/// <summary>How well the softmax over the choices matches the accuracy.</summary>
/// <param name="Ece">Expected calibration error over 10 equal-width confidence bins.</param>
/// <param name="RmsCalibrationError">Hendrycks' RMS calibration error (adaptive bins of 100 questions, sorted by confidence).</param>
/// <param name="Brier">Mean multi-class Brier score: Σ over choices of (p − 1[gold])², averaged over questions.</param>
/// <param name="Bins">The 10 equal-width bins behind <paramref name="Ece"/> (for reliability diagrams).</param>
public sealed record CalibrationStats(double Ece, double RmsCalibrationError, double Brier, IReadOnlyList<CalibrationBin> Bins)
{
    /// <summary>The questions calibration covers: those scored with choice probabilities (0 when every reply was generated).</summary>
    public int Questions => Bins.Sum(b => b.N);
}
