using System.Globalization;
using Microsoft.Data.Sqlite;

namespace MmluSharp.OpenAI.Http;

/// <summary>
/// Successful complete responses in a SQLite file (WAL mode, so concurrent readers never wait on the writer).
/// Each operation takes a pooled connection of its own, which makes the store safe to use from many threads.
/// </summary>
internal sealed class ResponseCache : IDisposable
{
    private readonly string connectionString;

    public ResponseCache(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 60,
        }.ToString();

        using var connection = Open();
        Execute(connection, "PRAGMA journal_mode=WAL;");
        Execute(connection, """
            CREATE TABLE IF NOT EXISTS responses (
                key TEXT PRIMARY KEY,
                endpoint TEXT NOT NULL,
                content_type TEXT NOT NULL,
                body BLOB NOT NULL,
                created TEXT NOT NULL
            );
            """);
    }

    /// <summary>The first stored response under any of <paramref name="keys"/>.</summary>
    public CachedResponse? Find(IReadOnlyList<string> keys)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT content_type, body FROM responses WHERE key = $key;";
        var key = command.Parameters.Add("$key", SqliteType.Text);
        foreach (var candidate in keys)
        {
            key.Value = candidate;
            using var reader = command.ExecuteReader();
            if (reader.Read())
            {
                return new CachedResponse(reader.GetString(0), (byte[])reader.GetValue(1));
            }
        }

        return null;
    }

    public void Store(string key, string endpoint, CachedResponse response)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT OR REPLACE INTO responses (key, endpoint, content_type, body, created)
            VALUES ($key, $endpoint, $type, $body, $created);
            """;
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$endpoint", endpoint);
        command.Parameters.AddWithValue("$type", response.ContentType);
        command.Parameters.AddWithValue("$body", response.Body);
        command.Parameters.AddWithValue("$created", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        command.ExecuteNonQuery();
    }

    /// <summary>Closes the pooled connections so the file is released.</summary>
    public void Dispose()
    {
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();

        // Per connection: in WAL mode NORMAL syncs at checkpoints, not at every commit; a killed process loses nothing.
        Execute(connection, "PRAGMA synchronous=NORMAL;");
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
