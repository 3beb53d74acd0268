namespace MmluSharp.Reports;

/// <summary>A question to show in the HTML report (e.g. one the model got wrong); all text is escaped when written.</summary>
/// <param name="Subject">Subject key.</param>
/// <param name="Index">0-based row in the subject's file.</param>
/// <param name="Question">The question text, as in the dataset.</param>
/// <param name="Gold">Gold letter.</param>
/// <param name="Pred">Predicted letter.</param>
internal sealed record ReportExample(string Subject, int Index, string Question, string Gold, string Pred);
