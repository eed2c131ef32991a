using System.Net;
using OfficerTraining.IntegrationTests.Harness;

namespace OfficerTraining.IntegrationTests.Web;

[Collection(nameof(App))]
public class the_item_analysis_pages(AppFactory app)
{
    [Theory]
    [InlineData("trainer")]
    [InlineData("supervisor")]
    public async Task open_for_report_readers(string user)
    {
        var client = await app.SignedIn(user);
        var list = await client.GetAsync("/reports/item-analysis");
        list.StatusCode.Should().Be(HttpStatusCode.OK);
        (await list.Content.ReadAsStringAsync()).Should().Contain("试题分析");
        (await client.GetAsync($"/reports/item-analysis/{Guid.NewGuid()}")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/reports/item-analysis")]
    [InlineData("/reports/item-analysis/0195f3a0-0000-7000-8000-000000000000")]
    public async Task refuse_officers(string path) =>
        (await (await app.SignedIn("officer")).GetAsync(path)).Headers.Location!.OriginalString.Should().Contain("/account/access-denied");
}
