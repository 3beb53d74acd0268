using System.Text;
using Microsoft.Data.Sqlite;

namespace MmluSharp.OpenAI.Tests;

public sealed class UserInfoTests
{
    private static Uri WithUser(FakeServer server, string user, string password) =>
        new UriBuilder(server.BaseUrl) { UserName = user, Password = password }.Uri;

    [Fact]
    public async Task Credentials_in_a_url_go_as_basic_auth_to_that_endpoint_only_and_the_key_to_the_others()
    {
        await using var withUser = await FakeServer.StartAsync();
        await using var plain = await FakeServer.StartAsync();
        withUser.Delay = plain.Delay = TimeSpan.FromMilliseconds(5);
        var options = new EndpointOptions([WithUser(withUser, "bob", "s3cret-in-url"), plain.BaseUrl], "fake-model")
        {
            ApiKey = "sk-for-the-plain-one",
            CachePath = TestRequests.TempFile("cache.sqlite"),
        };
        using var model = OpenAICompatible.CompletionsModel(options);

        await TestRequests.ScoreAll(model, TestRequests.Make(40));

        Assert.InRange(withUser.Hits, 1, 39);
        Assert.All(withUser.Authorizations, a => Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("bob:s3cret-in-url")), a));
        Assert.All(plain.Authorizations, a => Assert.Equal("Bearer sk-for-the-plain-one", a));
        Assert.Equal($"{withUser.BaseUrl}/,{plain.BaseUrl}/", model.Settings["endpoint"]);
        Assert.DoesNotContain("s3cret", options.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("bob", options.ToString(), StringComparison.Ordinal);
        using var connection = new SqliteConnection($"Data Source={options.CachePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT DISTINCT endpoint FROM responses ORDER BY endpoint;";
        using var reader = command.ExecuteReader();
        var endpoints = new List<string>();
        while (reader.Read())
        {
            endpoints.Add(reader.GetString(0));
        }

        Assert.Equal(new[] { $"{withUser.BaseUrl}/", $"{plain.BaseUrl}/" }.Order(StringComparer.Ordinal), endpoints);
    }

    [Fact]
    public async Task A_rejected_url_credential_is_named_without_the_credential()
    {
        await using var server = await FakeServer.StartAsync();
        server.RequiredKey = "sk-expected";
        var lines = new List<string>();
        using var model = OpenAICompatible.ChatLetterModel(
            new EndpointOptions([WithUser(server, "carol", "wrong-pass-42")], "fake-model") { Log = lines.Add, MaxRetries = 0 });

        var error = await Assert.ThrowsAsync<EndpointException>(() => TestRequests.ScoreAll(model, TestRequests.Make(1)));

        Assert.StartsWith($"{server.BaseUrl}/chat/completions rejected the API key (HTTP 401; key from the URL's user-info)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-pass-42", error.Message + string.Concat(lines), StringComparison.Ordinal);
        Assert.DoesNotContain("carol", error.Message, StringComparison.Ordinal);
        Assert.Contains("Incorrect API key provided: Basic [REDACTED].", error.Message, StringComparison.Ordinal);
    }
}
