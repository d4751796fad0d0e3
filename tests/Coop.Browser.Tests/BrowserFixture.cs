using Coop.Data;
using Coop.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Coop.Browser.Tests;

/// <summary>
/// The app on a real loopback port (Kestrel) and Debian's Chromium driven by Playwright. Never downloads a browser:
/// it uses /usr/bin/chromium (or COOP_CHROMIUM), which .ci/run installs.
/// </summary>
public abstract class BrowserFixture
{
    private TestDatabase _database = null!;
    private SmtpSink _smtp = null!;
    private IPlaywright _playwright = null!;

    protected CoopApp App { get; private set; } = null!;
    protected World World { get; private set; } = null!;
    protected IBrowser Browser { get; private set; } = null!;
    protected string BaseUrl { get; private set; } = null!;

    /// <summary>Extra app settings for a fixture (a local payment provider...).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        _smtp = new SmtpSink();
        // A known port, so the links the app writes (mails, payment return addresses) point back to it.
        var port = FreePort();
        var settings = new Dictionary<string, string?>(Settings) { ["Mail:PublicBaseUrl"] = $"http://127.0.0.1:{port}" };
        App = new CoopApp(_database, _smtp, settings);
        App.UseKestrel(port);
        App.StartServer();
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        World = await World.CreateAsync(App.Services);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("COOP_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await App.DisposeAsync();
        await _smtp.DisposeAsync();
        await _database.DisposeAsync();
    }

    protected async Task<IPage> NewPageAsync(string locale = "fr-FR", int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = locale,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            BaseURL = BaseUrl,
        });
        return await context.NewPageAsync();
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Presses Tab until the element matching <paramref name="selector"/> has the focus.</summary>
    protected static async Task TabToAsync(IPage page, string selector)
    {
        ArgumentNullException.ThrowIfNull(page);
        for (var i = 0; i < 80; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => document.activeElement !== null && document.activeElement.matches(s)", selector)) return;
        }
        Assert.Fail($"Tab never reached {selector}");
    }

    protected static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel(new System.Text.RegularExpressions.Regex("e-mail", System.Text.RegularExpressions.RegexOptions.IgnoreCase)).FillAsync(email);
        await page.Locator("#f-Password").FillAsync(password);
        var posted = page.WaitForResponseAsync(r => r.Request.Method == "POST" && r.Url.EndsWith("/account/login", StringComparison.Ordinal));
        await page.Locator("form.form button[type=submit]").ClickAsync();
        await posted;
        await Assertions.Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
    }
}
