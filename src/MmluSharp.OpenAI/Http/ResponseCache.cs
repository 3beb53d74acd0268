using System.Globalization;
using Microsoft.Data.Sqlite;

namespace MmluSharp.OpenAI.Http;

/// <summary>
/// Successful complete responses in a SQLite file (WAL mode, so concurrent readers never wait on the writer).
/// Each operation takes a pooled connection of its own, which makes the store safe to use from many threads.
/// An existing file is checked, with reads only, before anything is written to it: it must be an intact SQLite database
/// that is empty or holds this cache's table, else it is refused with one line (<see cref="InvalidDataException"/>)
/// and left as it was: it may be another program's database, and its answers may have cost money.
/// </summary>
internal sealed class ResponseCache : IDisposable
{
    private static readonly string[] Columns = ["key", "endpoint", "content_type", "body", "created"];
    private readonly string path;
    private readonly string connectionString;

    public ResponseCache(string path)
    {
        this.path = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(this.path)!);
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = this.path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 60,
        }.ToString();

        try
        {
            if (File.Exists(this.path) && new FileInfo(this.path).Length > 0)
            {
                Validate();
            }

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
        catch (SqliteException e)
        {
            Dispose();
            throw NotACache(Reason(e), e);
        }
    }

    /// <summary>The first stored response under any of <paramref name="keys"/>.</summary>
    public CachedResponse? Find(IReadOnlyList<string> keys) => Guard(() =>
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
    });

    public void Store(string key, string endpoint, CachedResponse response) => Guard(() =>
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
        return command.ExecuteNonQuery();
    });

    /// <summary>Closes the pooled connections so the file is released.</summary>
    public void Dispose()
    {
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
    }

    /// <summary>Refuses a file that is not an intact SQLite database, or one holding other tables than this cache's.</summary>
    private void Validate()
    {
        var existing = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString();
        using var connection = new SqliteConnection(existing);
        connection.Open();
        using (var check = connection.CreateCommand())
        {
            check.CommandText = "PRAGMA quick_check(1);";
            string? verdict;
            try
            {
                verdict = check.ExecuteScalar() as string;
            }
            catch (SqliteException e)
            {
                throw NotACache($"SQLite finds it damaged: {Reason(e)}", e);
            }

            if (verdict != "ok")
            {
                throw NotACache($"SQLite finds it damaged: {verdict}");
            }
        }

        var tables = Strings(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name;");
        if (tables.Count == 0)
        {
            return;
        }

        if (!tables.Contains("responses"))
        {
            throw NotACache($"it holds other tables ({string.Join(", ", tables)})");
        }

        var columns = Strings(connection, "SELECT name FROM pragma_table_info('responses') ORDER BY cid;");
        if (!columns.SequenceEqual(Columns, StringComparer.Ordinal))
        {
            throw NotACache($"its responses table has the columns {string.Join(", ", columns)}, not {string.Join(", ", Columns)}");
        }
    }

    private InvalidDataException NotACache(string reason, Exception? inner = null) =>
        new($"{path}: not a response cache ({reason}); delete it or choose another --cache.", inner);

    private T Guard<T>(Func<T> operation)
    {
        try
        {
            return operation();
        }
        catch (SqliteException e)
        {
            throw new IOException($"{path}: the response cache failed ({Reason(e)}).", e);
        }
    }

    private static string Reason(SqliteException e) =>
        e.Message.StartsWith("SQLite Error", StringComparison.Ordinal) && e.Message.IndexOf(": ", StringComparison.Ordinal) is var at and > 0
            ? e.Message[(at + 2)..].Trim('\'', '.', ' ')
            : e.Message;

    private static List<string> Strings(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
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
