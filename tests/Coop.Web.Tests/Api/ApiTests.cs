using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Coop.Data;
using Coop.Web.Tests.Support;

namespace Coop.Web.Tests.Api;

[TestFixtureSource(typeof(AppFixture), nameof(AppFixture.Providers))]
public sealed class ApiTests(DatabaseProvider provider) : AppFixture(provider)
{
    private Task<HttpClient> ClientForAsync(string email) => App.ApiClientAsync(email);

    [Test]
    public async Task A_member_reads_their_membership_with_a_bearer_token()
    {
        var client = await ClientForAsync(World.MemberA.Email!);
        var me = await client.GetFromJsonAsync<JsonElement>($"/c/{World.A.Slug}/api/membership");
        Assert.That(me.GetProperty("displayName").GetString(), Is.EqualTo("Membre A"));
        Assert.That(me.GetProperty("cooperative").GetString(), Is.EqualTo(World.A.Slug));
    }

    [Test]
    public async Task Another_cooperatives_api_answers_403_problem_details()
    {
        var client = await ClientForAsync(World.MemberA.Email!);
        using var response = await client.GetAsync($"/c/{World.B.Slug}/api/membership");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task Invalid_input_answers_400_with_localised_validation_problem_details()
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        using var response = await client.PostAsJsonAsync("/api/auth/token", new { email = "nope", password = "" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("The request has validation errors."));
        var errors = problem.GetProperty("errors");
        Assert.That(errors.GetProperty("Email")[0].GetString(), Does.Contain("valid e-mail"));
        Assert.That(errors.GetProperty("Password")[0].GetString(), Is.EqualTo("This field is required."));
    }

    [Test]
    public async Task Wrong_credentials_and_missing_tokens_answer_401_problem_details()
    {
        var client = App.CreateClient();
        using var wrong = await client.PostAsJsonAsync("/api/auth/token", new { email = World.MemberA.Email, password = "pas le bon mot de passe" });
        Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString(), Is.EqualTo("Identifiants refusés"));

        using var anonymous = await client.GetAsync($"/c/{World.A.Slug}/api/membership");
        Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(anonymous.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task An_unknown_cooperative_in_the_api_answers_404_problem_details()
    {
        var client = await ClientForAsync(World.MemberA.Email!);
        using var response = await client.GetAsync("/c/nowhere-at-all/api/membership");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task The_openapi_document_lists_the_api_and_nothing_else()
    {
        var document = await App.CreateClient().GetStringAsync("/openapi/v1.json");
        Assert.That(document, Does.Contain("/api/auth/token").And.Contain("/api/cooperatives").And.Contain("/api/membership"));
        Assert.That(document, Does.Not.Contain("/account/login"));
    }
}
