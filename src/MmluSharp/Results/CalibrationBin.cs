namespace MmluSharp.Results;

/// <summary>One equal-width confidence bin: [<paramref name="Lower"/>, <paramref name="Upper"/>).</summary>
public sealed record CalibrationBin(double Lower, double Upper, int N, double Confidence, double Accuracy);
