using System.Net.Http.Headers;
using System.Text.Json;
using MmluSharp.IO;

namespace MmluSharp.OpenAI.Http;

/// <summary>
/// What a successful answer must be before anything uses or caches it: a JSON object with a non-empty
/// <c>choices</c> array (any content type, as long as the body is that), and whatever the request's own check
/// (<see cref="Key"/>, e.g. finite log-probabilities) demands. A body cut short or refused by the request's check is
/// broken (<see cref="BrokenAnswerException"/>, retried); anything else is the wrong kind of server
/// (<see cref="EndpointException"/>, not retried).
/// </summary>
internal static class AnswerCheck
{
    /// <summary>A request's own check: the reason a parsed-as-JSON body is broken (e.g. "answered a log-probability of NaN"), or null.</summary>
    public static readonly HttpRequestOptionsKey<Func<byte[], string?>> Key = new("MmluSharp.OpenAI.AnswerCheck");

    /// <summary>Throws when <paramref name="body"/>, the answer to <paramref name="request"/>, cannot be used.</summary>
    public static void Ensure(HttpRequestMessage request, MediaTypeHeaderValue? type, byte[] body, Redactor redactor)
    {
        var url = request.RequestUri;
        switch (Shape(body))
        {
            case Kind.Unparsable when IsJson(type):
                throw new BrokenAnswerException($"{url} sent an incomplete JSON body ({body.Length} bytes)");
            case Kind.Unparsable:
                throw redactor.Fail($"{url} answered {type?.MediaType ?? "a body without a content type"}, not JSON: {ServerText.Snippet(body)}");
            case Kind.NotObject:
                throw redactor.Fail($"{url} answered a JSON {Describe(body)}, not an OpenAI-compatible response object: {ServerText.Snippet(body)}");
            case Kind.Error:
                throw redactor.Fail($"{url} answered an error: {ServerText.Snippet(body)}");
            case Kind.NoChoices:
                throw redactor.Fail($"{url} answered JSON without \"choices\": {ServerText.Snippet(body)}");
        }

        if (request.Options.TryGetValue(Key, out var check) && check(body) is { } broken)
        {
            throw new BrokenAnswerException($"{url} {broken}");
        }
    }

    /// <summary>Whether a stored answer would pass <see cref="Ensure"/> for <paramref name="request"/>.</summary>
    public static bool Accepts(HttpRequestMessage request, byte[] body) =>
        Shape(body) == Kind.Usable && !(request.Options.TryGetValue(Key, out var check) && check(body) is not null);

    public static bool IsJson(MediaTypeHeaderValue? type) =>
        type?.MediaType is { } media && media.EndsWith("json", StringComparison.OrdinalIgnoreCase);

    private static Kind Shape(byte[] body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return Kind.Unparsable;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Kind.NotObject;
            }

            if (root.TryGetProperty("choices", out var choices) && choices.ValueKind == JsonValueKind.Array && choices.GetArrayLength() > 0)
            {
                return Kind.Usable;
            }

            return root.TryGetProperty("error", out _) ? Kind.Error : Kind.NoChoices;
        }
    }

    private static string Describe(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.ValueKind switch
        {
            JsonValueKind.Array => "array",
            JsonValueKind.String => "string",
            JsonValueKind.Number => "number",
            _ => "literal",
        };
    }

    private enum Kind
    {
        Usable,
        Unparsable,
        NotObject,
        Error,
        NoChoices,
    }
}
