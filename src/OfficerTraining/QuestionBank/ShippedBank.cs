using OfficerTraining.Infrastructure;
using OfficerTraining.QuestionBank.Import;

namespace OfficerTraining.QuestionBank;

/// <summary>The question bank shipped in question-bank/*.yaml, embedded in this assembly so a fresh installation (and the
/// demo city) can load it wherever the app runs.</summary>
public static class ShippedBank
{
    public static ParsedBank Read() => YamlBankReader.Read(EmbeddedFiles.In("bank/"));
}
