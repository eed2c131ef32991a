namespace OfficerTraining.Exams;

/// <summary>An attempt as a journal writer decides answers on: its answer sheet (with the stream version as
/// <see cref="AnswerSheet.Version"/>) and its paper's shape.</summary>
public sealed record KeptSheet(AnswerSheet Sheet, PaperShape Paper);

/// <summary>
/// One journal writer's attempts as it last committed or read them, so a batch need not read them again. A sheet is
/// only ever a guess at the database: the writer appends at the version it decided on, so a sheet someone else has moved
/// on since (a submit, the closer, a void, another node) fails the commit, and the writer forgets it and reads it again.
/// Each attempt has one writer, and each writer its own cache, so no locks.
/// </summary>
public sealed class SheetCache(int capacity)
{
    readonly Dictionary<Guid, KeptSheet> _kept = [];

    public KeptSheet? Get(Guid attemptId) => _kept.GetValueOrDefault(attemptId);

    public void Keep(KeptSheet kept)
    {
        if (_kept.Count >= capacity && !_kept.ContainsKey(kept.Sheet.Id)) _kept.Clear(); // rare: read them again
        _kept[kept.Sheet.Id] = kept;
    }

    public void Forget(Guid attemptId) => _kept.Remove(attemptId);
}
