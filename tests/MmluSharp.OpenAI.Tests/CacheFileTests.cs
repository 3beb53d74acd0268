using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace MmluSharp.OpenAI.Tests;

/// <summary>A response cache that cannot be used is refused with one line naming it, and left as it was.</summary>
public sealed class CacheFileTests
{
    private static void Sql(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static async Task<string> Damaged(string damage)
    {
        var path = TestRequests.TempFile("responses.sqlite");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        switch (damage)
        {
            case "garbage":
                await File.WriteAllBytesAsync(path, RandomNumberGenerator.GetBytes(10_000));
                break;
            case "text":
                await File.WriteAllTextAsync(path, "{\"schema\":\"mmlusharp.results/1\"}\n");
                break;
            case "truncated":
                await using (var server = await FakeServer.StartAsync())
                using (var model = OpenAICompatible.CompletionsModel(TestRequests.Options(server) with { CachePath = path }))
                {
                    await TestRequests.ScoreAll(model, TestRequests.Make(200));
                }

                var bytes = await File.ReadAllBytesAsync(path);
                await File.WriteAllBytesAsync(path, bytes[..(bytes.Length / 2)]);
                break;
            case "other tables":
                Sql(path, "CREATE TABLE accounts (id INTEGER PRIMARY KEY, balance REAL);");
                break;
            default:
                Sql(path, "CREATE TABLE responses (key TEXT PRIMARY KEY, answer BLOB);");
                break;
        }

        return path;
    }

    [Theory]
    [InlineData("garbage", "file is not a database")]
    [InlineData("text", "file is not a database")]
    [InlineData("truncated", "SQLite finds it damaged")]
    [InlineData("other tables", "it holds other tables (accounts)")]
    [InlineData("columns", "its responses table has the columns key, answer, not key, endpoint, content_type, body, created")]
    public async Task A_damaged_or_foreign_file_is_refused_with_one_line_and_left_untouched(string damage, string reason)
    {
        var path = await Damaged(damage);
        var before = await File.ReadAllBytesAsync(path);
        await using var server = await FakeServer.StartAsync();

        var error = Assert.Throws<InvalidDataException>(() => OpenAICompatible.CompletionsModel(TestRequests.Options(server) with { CachePath = path }));

        Assert.StartsWith($"{path}: not a response cache (", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.EndsWith("); delete it or choose another --cache.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(before, await File.ReadAllBytesAsync(path));
        Assert.Equal(0, server.Hits);
    }

    [Fact]
    public async Task An_empty_SQLite_file_becomes_a_cache()
    {
        var path = TestRequests.TempFile("responses.sqlite");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Sql(path, "PRAGMA user_version = 0;");
        await using var server = await FakeServer.StartAsync();
        using (var model = OpenAICompatible.CompletionsModel(TestRequests.Options(server) with { CachePath = path }))
        {
            await TestRequests.ScoreAll(model, TestRequests.Make(3));
        }

        Assert.Equal(3, NonFiniteTests.CacheRows(path));
    }
}
