namespace OfficerTraining.Exams;

/// <summary>
/// One journal writer's answer sheets as it last committed or read them, each with its stream version
/// (<see cref="AnswerSheet.Version"/>), so a batch need not read them again. It is only ever a guess at the database:
/// the writer appends at the version it decided on, so a sheet someone else has moved on since (a submit, the closer,
/// a void, another node) fails the commit, and the writer forgets it and reads it again. Each attempt has one writer,
/// and each writer its own cache, so no locks.
/// </summary>
public sealed class SheetCache(int capacity)
{
    readonly Dictionary<Guid, AnswerSheet> _sheets = [];

    public bool Has(Guid attemptId) => _sheets.ContainsKey(attemptId);

    public AnswerSheet Get(Guid attemptId) => _sheets[attemptId];

    public void Keep(AnswerSheet sheet)
    {
        if (_sheets.Count >= capacity && !_sheets.ContainsKey(sheet.Id)) _sheets.Clear(); // rare: read them again
        _sheets[sheet.Id] = sheet;
    }

    public void Forget(Guid attemptId) => _sheets.Remove(attemptId);
}
