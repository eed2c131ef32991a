using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using OfficerTraining.Agencies;
using OfficerTraining.Infrastructure;
using OfficerTraining.IntegrationTests.Harness;
using OfficerTraining.IntegrationTests.Officers;
using OfficerTraining.Officers;
using OfficerTraining.Officers.Photos;
using SkiaSharp;

namespace OfficerTraining.IntegrationTests.Web;

[Collection(nameof(App))]
public class when_an_officer_photo_is_requested(AppFactory app)
{
    /// <summary>An officer of the app's city other than the shared one, so the shared officer stays as it is.</summary>
    async Task<(Guid OfficerId, OfficerPhoto? Photo)> AnotherOfficer(bool withPhoto)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await using var session = services.GetRequiredService<Marten.IDocumentStore>().QuerySession();
        var agencyId = (await session.LoadAsync<Officer>(app.OfficerId))!.AgencyId;
        var register = new RegisterOfficer(Guid.CreateVersion7(), "王芳", agencyId, "科员", [EnforcementDomain.UrbanManagement],
            EmploymentType.Established, Arrange.UniqueNationalId());
        await services.GetRequiredService<OfficerCommands>().Handle(register, Actor.System);
        var photo = withPhoto
            ? await services.GetRequiredService<OfficerPhotos>().Upload(register.OfficerId, TestPhoto.Png(SKColors.Teal),
                "wang.png", "办理执法证", new Actor("certificateofficer", [Roles.CertificateOfficer]))
            : null;
        return (register.OfficerId, photo);
    }

    [Fact]
    public async Task a_certificate_officer_gets_the_jpeg_with_its_hash_as_etag_and_a_private_cache()
    {
        var (officerId, photo) = await AnotherOfficer(withPhoto: true);
        var client = await app.SignedIn("certificateofficer");

        var response = await client.GetAsync($"/officers/{officerId}/photo");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("image/jpeg");
        response.Headers.ETag!.Tag.Should().Be($"\"{photo!.Sha256}\"");
        response.Headers.CacheControl!.Private.Should().BeTrue();
        response.Headers.CacheControl.MaxAge.Should().Be(TimeSpan.FromSeconds(300));
        (await response.Content.ReadAsByteArrayAsync()).Should().Equal(photo.Jpeg);

        var again = new HttpRequestMessage(HttpMethod.Get, $"/officers/{officerId}/photo");
        again.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{photo.Sha256}\""));
        (await client.SendAsync(again)).StatusCode.Should().Be(HttpStatusCode.NotModified);

        (await client.GetStringAsync($"/admin/officers/{officerId}")).Should().Contain("王芳的照片").And.Contain("officer-photo-file");
        (await (await app.SignedIn("supervisor")).GetStringAsync($"/admin/officers/{officerId}"))
            .Should().Contain("王芳的照片").And.NotContain("officer-photo-file", "a supervisor only looks");
    }

    [Fact]
    public async Task an_anonymous_request_is_sent_to_sign_in()
    {
        var (officerId, _) = await AnotherOfficer(withPhoto: true);
        var response = await app.Client().GetAsync($"/officers/{officerId}/photo");
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Contain("/account/login");
    }

    [Fact]
    public async Task another_officer_is_refused_and_a_missing_photo_is_404()
    {
        var (withPhoto, _) = await AnotherOfficer(withPhoto: true);
        var (without, _) = await AnotherOfficer(withPhoto: false);

        (await (await app.SignedIn("officer")).GetAsync($"/officers/{withPhoto}/photo")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await (await app.SignedIn("supervisor")).GetAsync($"/officers/{without}/photo")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task the_officer_sees_their_own_photo_on_their_home_page()
    {
        var cert = new Actor("certificateofficer", [Roles.CertificateOfficer]);
        var photo = await app.Services.GetRequiredService<OfficerPhotos>()
            .Upload(app.OfficerId, TestPhoto.Png(SKColors.Navy), "zhang.png", "办理执法证", cert);
        var officer = await app.SignedIn("officer");

        var home = await officer.GetStringAsync("/");
        home.Should().Contain($"/officers/{app.OfficerId}/photo?v={photo.Sha256}").And.Contain("张伟的照片");
        var response = await officer.GetAsync($"/officers/{app.OfficerId}/photo");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("image/jpeg");
    }
}
