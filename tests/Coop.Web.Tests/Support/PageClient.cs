using System.Net;
using System.Text.RegularExpressions;

namespace Coop.Web.Tests.Support;

/// <summary>A person with a browser-like cookie jar: reads pages and submits their forms with the antiforgery token.</summary>
public sealed partial class PageClient(HttpClient http)
{
    public HttpClient Http { get; } = http;

    public async Task<Page> GetAsync(string url, string? acceptLanguage = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (acceptLanguage is not null) request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        using var response = await Http.SendAsync(request);
        return await Page.ReadAsync(response);
    }

    /// <summary>Loads <paramref name="formPage"/> for its antiforgery token, then posts <paramref name="fields"/> to <paramref name="action"/>.</summary>
    public async Task<Page> SubmitAsync(string formPage, string action, IDictionary<string, string> fields)
    {
        var page = await GetAsync(formPage);
        Assert.That((int)page.Status, Is.LessThan(500), $"{formPage} failed: {page.Status}");
        var token = Token().Match(page.Html);
        Assert.That(token.Success, Is.True, $"No antiforgery token on {formPage} ({page.Status})");
        var body = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        using var content = new FormUrlEncodedContent(body);
        using var response = await Http.PostAsync(action, content);
        return await Page.ReadAsync(response);
    }

    /// <summary>Posts a form with a file, as a browser does (multipart/form-data).</summary>
    public async Task<Page> UploadAsync(string formPage, string action, IDictionary<string, string> fields, string fileField, string fileName, byte[] content)
    {
        var page = await GetAsync(formPage);
        var token = Token().Match(page.Html);
        Assert.That(token.Success, Is.True, $"No antiforgery token on {formPage} ({page.Status})");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken");
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        form.Add(file, fileField, fileName);
        using var response = await Http.PostAsync(action, form);
        return await Page.ReadAsync(response);
    }

    public async Task<Page> SignInAsync(string email, string password)
    {
        var page = await SubmitAsync("/account/login", "/account/login", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });
        return page;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

public sealed record Page(HttpStatusCode Status, string Html, Uri? Location, HttpResponseMessage Response)
{
    public static async Task<Page> ReadAsync(HttpResponseMessage response) =>
        new(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location, response);

    public bool Contains(string text) => WebUtility.HtmlDecode(Html).Contains(text, StringComparison.Ordinal);
}
