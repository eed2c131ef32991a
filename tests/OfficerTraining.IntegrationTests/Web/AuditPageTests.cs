using System.Net;
using OfficerTraining.IntegrationTests.Harness;

namespace OfficerTraining.IntegrationTests.Web.AuditPage;

/// <summary>The audit trail is read by every staff role and by no officer.</summary>
[Collection(nameof(App))]
public class when_the_audit_page_is_opened(AppFactory app)
{
    [Theory]
    [InlineData("supervisor")]
    [InlineData("administrator")]
    [InlineData("certificateofficer")]
    [InlineData("trainer")]
    [InlineData("reviewer")]
    public async Task staff_read_it(string user)
    {
        var page = await (await app.SignedIn(user)).GetAsync("/audit");
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).Should().Contain("审计追踪");
    }

    [Fact]
    public async Task an_officer_does_not() =>
        (await (await app.SignedIn("officer")).GetAsync("/audit")).Headers.Location!.OriginalString.Should().Contain("/account/access-denied");
}
