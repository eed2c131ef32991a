namespace OfficerTraining.Training;

/// <summary>The columns of an in-person attendance list: the ID number and the name (Chinese or English headers).</summary>
public static class InPersonAttendanceCsv
{
    public static readonly (string Field, string[] Headers)[] Columns =
    [
        ("national_id", ["身份证号", "公民身份号码", "national_id"]),
        ("name", ["姓名", "name"]),
    ];
}
