using System.Net.Http.Json;
using Coop.Data;
using Coop.Web.Features.Mail;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Coop.Web.Tests.Support;

/// <summary>
/// The real app over HTTP, on a fresh database of the given provider, sending mail to a real SMTP listener.
/// The background mail sender is off: tests dispatch the outbox explicitly, so they never wait on a timer.
/// </summary>
public class CoopApp(TestDatabase database, SmtpSink smtp, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    public TestDatabase Database { get; } = database;
    public SmtpSink Smtp { get; } = smtp;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        builder.ConfigureLogging(logging => logging.AddProvider(new TestLogProvider()));
        var all = new Dictionary<string, string?>
        {
            ["Database:Provider"] = Database.Provider.ToString(),
            ["ConnectionStrings:Coop"] = Database.AppConnectionString,
            ["ConnectionStrings:CoopOwner"] = Database.OwnerConnectionString,
            ["Database:MigrateOnStartup"] = "false",
            ["Demo:Seed"] = "false",
            ["Mail:Host"] = "127.0.0.1",
            ["Mail:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:BackgroundSender"] = "false",
            ["Governance:Clock"] = "false",
            ["Community:Digests"] = "false",
            ["Treasury:Clock"] = "false",
            ["Audience:Clock"] = "false",
            ["Mail:PublicBaseUrl"] = "http://localhost",
            ["RateLimits:Account:PermitLimit"] = "10000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        foreach (var (key, value) in all) builder.UseSetting(key, value);
    }

    public Task<int> DeliverMailAsync() => Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(CancellationToken.None);

    /// <summary>An HTTP client carrying a bearer token for the API, as a script or a mobile app would.</summary>
    public async Task<HttpClient> ApiClientAsync(string email)
    {
        var client = CreateClient();
        using var response = await client.PostAsJsonAsync("/api/auth/token", new { email, password = World.Password });
        Assert.That(response.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK));
        var token = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public PageClient Visitor() => new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
}
