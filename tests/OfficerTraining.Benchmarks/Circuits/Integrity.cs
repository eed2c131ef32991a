using Npgsql;

namespace OfficerTraining.Benchmarks.Circuits;

/// <summary>Stored answers against what the officers were shown: every answer shown as saved is one stored
/// AnswerRecorded event (none lost) and no (attempt, item, sequence) is stored twice (none duplicated).</summary>
public sealed record Integrity(long ShownSaved, long Stored, long Distinct, IReadOnlyList<string> Mismatches)
{
    public long Lost => Math.Max(0, ShownSaved - Distinct);
    public long Duplicated => Stored - Distinct;
    /// <summary>Stored but never shown as saved (a click that timed out, or an answer saved as its circuit broke).</summary>
    public long Unconfirmed => Math.Max(0, Distinct - ShownSaved);
    public bool Intact => Lost == 0 && Duplicated == 0 && Unconfirmed == 0;

    public static async Task<Integrity> Check(string database, string schema, IReadOnlyDictionary<Guid, long> shownByAttempt)
    {
        var shownSaved = shownByAttempt.Values.Sum();
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand(
            $"select count(*), count(distinct (stream_id, data ->> 'Item', data ->> 'Sequence')) from {schema}.mt_events " +
            "where type = 'answer_recorded'", connection);
        await using var reader = await count.ExecuteReaderAsync();
        await reader.ReadAsync();
        var (stored, distinct) = (reader.GetInt64(0), reader.GetInt64(1));
        await reader.CloseAsync();
        return new(shownSaved, stored, distinct, await Compare(connection, schema, shownByAttempt));
    }

    /// <summary>The first attempts whose stored answers differ in number from those shown saved, with their events.</summary>
    static async Task<IReadOnlyList<string>> Compare(NpgsqlConnection connection, string schema, IReadOnlyDictionary<Guid, long> shown)
    {
        await using var query = new NpgsqlCommand(
            $"select stream_id, count(*), string_agg((data ->> 'Item') || '#' || (data ->> 'Sequence') || '=' || (data ->> 'Choice'), ' ' order by seq_id) " +
            $"from {schema}.mt_events where type = 'answer_recorded' group by stream_id", connection);
        await using var reader = await query.ExecuteReaderAsync();
        var stored = new Dictionary<Guid, (long Count, string Events)>();
        while (await reader.ReadAsync()) stored[reader.GetGuid(0)] = (reader.GetInt64(1), reader.GetString(2));
        return
        [
            .. shown.Keys.Union(stored.Keys)
                .Where(a => shown.GetValueOrDefault(a) != stored.GetValueOrDefault(a).Count)
                .Take(10)
                .Select(a => $"{a}: shown {shown.GetValueOrDefault(a)}, stored {stored.GetValueOrDefault(a).Count}: {stored.GetValueOrDefault(a).Events}"),
        ];
    }
}
