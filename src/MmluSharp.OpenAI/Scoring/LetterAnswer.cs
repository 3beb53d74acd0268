using MmluSharp.Models;

namespace MmluSharp.OpenAI.Scoring;

/// <summary>A scored letter request, with what the server listed when it listed none of the letters.</summary>
/// <param name="Scored">The scores, floored letters included.</param>
/// <param name="Url">Where the answer came from.</param>
/// <param name="Continuations">The letters asked for, as sent.</param>
/// <param name="Letterless">No letter was among the alternatives: the prediction would be decided by the floor alone.</param>
/// <param name="Returned">The alternatives the server listed, most likely first.</param>
internal sealed record LetterAnswer(
    ScoreResponse Scored, Uri Url, IReadOnlyList<string> Continuations, bool Letterless, IReadOnlyList<string> Returned);
