using OfficerTraining.Exams;

namespace OfficerTraining.Benchmarks;

/// <summary>
/// Workload (a), the app's own save path: virtual officer w answers on their own attempt through
/// <see cref="AnswerJournal.Save"/>, cycling through the paper's items, alternating choices, with an ever-rising
/// sequence (kept across runs, so every save is a new answer). Counts the Saved results for the durability check.
/// </summary>
public sealed class AppAnswerSaves(AnswerJournal journal, IReadOnlyList<Taker> takers)
{
    readonly long[] _sequences = new long[takers.Count];
    static readonly IReadOnlyList<int>[] Choices = [[0], [1]];
    long _saved, _alreadySaved, _refused;

    /// <summary>Saves acknowledged as Saved: each must be exactly one stored AnswerRecorded event.</summary>
    public long Saved => Interlocked.Read(ref _saved);
    public long AlreadySaved => Interlocked.Read(ref _alreadySaved);
    public long Refused => Interlocked.Read(ref _refused);

    public async Task<bool> SaveNext(int officer)
    {
        var taker = takers[officer];
        var sequence = ++_sequences[officer]; // one caller per officer at a time
        var item = taker.Items[(int)(sequence % taker.Items.Count)];
        var choice = Choices[(sequence / taker.Items.Count) % 2];
        var result = await journal.Save(new RecordAnswer(taker.AttemptId, item, choice, sequence), taker.Actor);
        switch (result.Status)
        {
            case AnswerSaveStatus.Saved: Interlocked.Increment(ref _saved); return true;
            case AnswerSaveStatus.AlreadySaved: Interlocked.Increment(ref _alreadySaved); return true;
            default: Interlocked.Increment(ref _refused); return false;
        }
    }
}
