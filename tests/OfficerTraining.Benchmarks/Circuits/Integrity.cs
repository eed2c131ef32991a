using Npgsql;

namespace OfficerTraining.Benchmarks.Circuits;

/// <summary>Stored answers against what the officers were shown: every answer shown as saved is one stored
/// AnswerRecorded event (none lost) and no (attempt, item, sequence) is stored twice (none duplicated).</summary>
public sealed record Integrity(long ShownSaved, long Stored, long Distinct)
{
    public long Lost => Math.Max(0, ShownSaved - Distinct);
    public long Duplicated => Stored - Distinct;
    /// <summary>Stored but never shown as saved (a click that timed out, or an answer saved as its circuit broke).</summary>
    public long Unconfirmed => Math.Max(0, Distinct - ShownSaved);
    public bool Intact => Lost == 0 && Duplicated == 0 && Unconfirmed == 0;

    public static async Task<Integrity> Check(string database, string schema, long shownSaved)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand(
            $"select count(*), count(distinct (stream_id, data ->> 'Item', data ->> 'Sequence')) from {schema}.mt_events " +
            "where type = 'answer_recorded'", connection);
        await using var reader = await count.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new(shownSaved, reader.GetInt64(0), reader.GetInt64(1));
    }
}
