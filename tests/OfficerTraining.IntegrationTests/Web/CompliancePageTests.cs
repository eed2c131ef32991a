using System.Net;
using OfficerTraining.IntegrationTests.Harness;

namespace OfficerTraining.IntegrationTests.Web.CompliancePage;

/// <summary>The compliance dashboard is read by supervisors, administrators and certificate officers; its first render
/// already shows the figures and how far the statistics are behind the events.</summary>
[Collection(nameof(App))]
public class when_the_compliance_dashboard_is_opened(AppFactory app)
{
    [Theory]
    [InlineData("supervisor")]
    [InlineData("administrator")]
    [InlineData("certificateofficer")]
    public async Task compliance_roles_read_it(string user)
    {
        var page = await (await app.SignedIn(user)).GetAsync("/reports/compliance");

        page.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        html.Should().Contain("合规看板").And.Contain("执法人员").And.Contain("学时达标").And.Contain("参加年审考试")
            .And.Contain("年审考试通过").And.Contain("证件即将到期").And.Contain("证件状态").And.Contain("已吊销");
        html.Should().Match(h => h.Contains("数据已是最新") || h.Contains("统计数据正在更新：落后"));
    }

    [Theory]
    [InlineData("officer")]
    [InlineData("trainer")]
    public async Task other_roles_are_refused(string user) =>
        (await (await app.SignedIn(user)).GetAsync("/reports/compliance")).Headers.Location!.OriginalString
            .Should().Contain("/account/access-denied");
}
