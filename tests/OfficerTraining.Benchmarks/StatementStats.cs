using System.Globalization;
using Npgsql;

namespace OfficerTraining.Benchmarks;

/// <summary>
/// `answers --statements`: pg_stat_statements and pg_stat_wal in the bench cluster, reset before a level's last app round
/// and printed after it per commit and per answer, to see which statements an answer costs and how many round trips a
/// batch takes. The extension's bookkeeping costs both workloads alike; leave it off for the headline figures.
/// </summary>
public static class StatementStats
{
    public static readonly IReadOnlyList<string> ServerSettings =
        ["shared_preload_libraries=pg_stat_statements", "pg_stat_statements.track=all", "track_io_timing=off"];

    public static async Task Enable(string database) => await Execute(database, "create extension if not exists pg_stat_statements");

    public static async Task Reset(string database) =>
        await Execute(database, "select pg_stat_statements_reset(); select pg_stat_reset_shared('wal')");

    /// <summary>Prints the statements run since <see cref="Reset"/> (calls and server time per commit and per answer) and
    /// the WAL written per answer.</summary>
    public static async Task Print(string database, long commits, long answers, TextWriter output)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            "select toplevel, calls, total_exec_time, rows, regexp_replace(query, '\\s+', ' ', 'g') from pg_stat_statements " +
            "where query not like '%pg_stat_%' order by calls desc, total_exec_time desc limit 25", connection);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  statements over {commits} commits, {answers} answers (top = sent by a client, nested = run inside a function):"));
        output.WriteLine("  level  | calls/commit | calls/answer | ms/answer | rows/call | statement");
        await using (var reader = await query.ExecuteReaderAsync())
            while (await reader.ReadAsync())
            {
                var (calls, ms, rows, text) = (reader.GetInt64(1), reader.GetDouble(2), reader.GetInt64(3), reader.GetString(4));
                var level = reader.GetBoolean(0) ? "top" : "nested";
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {level,-6} | {(double)calls / Math.Max(1, commits),12:0.00} | {(double)calls / Math.Max(1, answers),12:0.000} | {ms / Math.Max(1, answers),9:0.0000} | {(double)rows / Math.Max(1, calls),9:0.0} | {(text.Length > 160 ? text[..160] + " …" : text)}"));
            }
        await using var wal = new NpgsqlCommand("select wal_records, wal_bytes, wal_fpi, wal_sync from pg_stat_wal", connection);
        await using var w = await wal.ExecuteReaderAsync();
        await w.ReadAsync();
        var n = (double)Math.Max(1, answers);
        var (records, bytes, images, syncs) = (w.GetInt64(0), Convert.ToDouble(w.GetValue(1), CultureInfo.InvariantCulture), w.GetInt64(2), w.GetInt64(3));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  WAL per answer: {records / n:0.0} records, {bytes / n:0} bytes, {images / n:0.00} full-page images; WAL syncs per commit {syncs / (double)Math.Max(1, commits):0.00}"));
    }

    static async Task Execute(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
