using System.Text.RegularExpressions;

namespace MmluSharp.IO;

/// <summary>
/// URLs as mmlu writes them anywhere (results, reports, run.json, the response cache, the terminal): without the
/// user-info part (<c>user:password@</c>), which may hold a credential.
/// </summary>
internal static partial class Urls
{
    /// <summary><paramref name="url"/> without its user-info.</summary>
    public static Uri WithoutUserInfo(Uri url) =>
        url.IsAbsoluteUri && url.UserInfo.Length > 0 ? new UriBuilder(url) { UserName = string.Empty, Password = string.Empty }.Uri : url;

    /// <summary>Text (a command line, an argument such as <c>--endpoint=URL</c>) with the user-info of every URL in it removed.</summary>
    public static string WithoutUserInfo(string text) => UserInfo().Replace(text, "://");

    [GeneratedRegex(@"://[^/?#@\s]*@", RegexOptions.CultureInvariant)]
    private static partial Regex UserInfo();
}
