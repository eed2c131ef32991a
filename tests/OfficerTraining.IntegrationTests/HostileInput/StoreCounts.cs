using Npgsql;

namespace OfficerTraining.IntegrationTests.HostileInput;

/// <summary>The rows of every event and document table of a schema: what "imported nothing" means, checked in the
/// database itself rather than through a query that could miss a document type.</summary>
public static class StoreCounts
{
    public static async Task<IReadOnlyDictionary<string, long>> Of(string schema)
    {
        await using var connection = new NpgsqlConnection(Harness.TestPostgres.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "select table_name from information_schema.tables where table_schema = @s and (table_name like 'mt_doc_%' or table_name in ('mt_events', 'mt_streams')) order by 1",
            connection))
        {
            list.Parameters.AddWithValue("s", schema);
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        var counts = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            await using var count = new NpgsqlCommand($"select count(*) from \"{schema}\".\"{table}\"", connection);
            counts[table] = (long)(await count.ExecuteScalarAsync())!;
        }
        return counts;
    }
}

/// <summary>The repository's folders, found from the test binaries by walking up to OfficerTraining.sln.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "OfficerTraining.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No OfficerTraining.sln above {AppContext.BaseDirectory}.");
    }
}
