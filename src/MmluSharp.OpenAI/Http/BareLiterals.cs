namespace MmluSharp.OpenAI.Http;

/// <summary>
/// Python's <c>json.dumps</c> (the default of many Python servers) writes non-finite numbers as the bare words
/// <c>NaN</c>, <c>Infinity</c> and <c>-Infinity</c>, which are not JSON. Outside strings no other JSON value starts
/// with those letters, so they are quoted (<c>"-Infinity"</c>), the spelling System.Text.Json reads as a double;
/// what the value means is then judged like any other.
/// </summary>
internal static class BareLiterals
{
    private static readonly byte[][] Words = ["-Infinity"u8.ToArray(), "Infinity"u8.ToArray(), "NaN"u8.ToArray()];

    /// <summary><paramref name="body"/> with every bare non-finite literal quoted; the same array when it has none.</summary>
    public static byte[] Quote(byte[] body)
    {
        if (body.AsSpan().IndexOfAny((byte)'N', (byte)'I') < 0)
        {
            return body;
        }

        List<byte>? output = null;
        var inString = false;
        var escaped = false;
        for (var i = 0; i < body.Length; i++)
        {
            var b = body[i];
            if (inString)
            {
                (escaped, inString) = escaped ? (false, true) : (b == '\\', b != '"');
            }
            else if (b == '"')
            {
                inString = true;
            }
            else if (b is (byte)'N' or (byte)'I' or (byte)'-' && Word(body.AsSpan(i)) is { } word)
            {
                output ??= [.. body.AsSpan(0, i)];
                output.Add((byte)'"');
                output.AddRange(word);
                output.Add((byte)'"');
                i += word.Length - 1;
                continue;
            }

            output?.Add(b);
        }

        return output is null ? body : [.. output];
    }

    private static byte[]? Word(ReadOnlySpan<byte> rest)
    {
        foreach (var word in Words)
        {
            if (rest.StartsWith(word))
            {
                return word;
            }
        }

        return null;
    }
}
