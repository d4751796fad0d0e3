using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Coop.Bench;

/// <summary>Signing in like a browser (for wrk's cookie), and reading the app's per-request costs.</summary>
public static partial class HttpTools
{
    /// <summary>The Cookie header of a signed-in session.</summary>
    public static async Task<string> LoginAsync(Uri app, string email, string password)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = app };
        var form = await http.GetStringAsync(new Uri("/account/login", UriKind.Relative));
        var token = Token().Match(form).Groups[1].Value;
        using var response = await http.PostAsync(new Uri("/account/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = password, ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign-in answered {(int)response.StatusCode}.");
        return string.Join("; ", cookies.GetCookies(app).Select(c => $"{c.Name}={c.Value}"));
    }

    /// <summary>Sends each path one at a time (after a warm-up) and prints the median round trips and allocated bytes.</summary>
    public static async Task CostsAsync(Uri app, string cookie, IReadOnlyList<string> paths, int samples = 30)
    {
        using var http = new HttpClient { BaseAddress = app };
        http.DefaultRequestHeaders.Add("Cookie", cookie);
        foreach (var path in paths)
        {
            for (var i = 0; i < 10; i++) (await http.GetAsync(new Uri(path, UriKind.Relative))).EnsureSuccessStatusCode();
            await http.GetStringAsync(new Uri("/diagnostics/request-costs", UriKind.Relative));
            for (var i = 0; i < samples; i++) (await http.GetAsync(new Uri(path, UriKind.Relative))).EnsureSuccessStatusCode();
            var costs = JsonSerializer.Deserialize<JsonElement>(await http.GetStringAsync(new Uri("/diagnostics/request-costs", UriKind.Relative)))
                .EnumerateArray().ToList();
            var trips = costs.Select(c => c.GetProperty("roundTrips").GetInt32()).Order().ToList();
            var bytes = costs.Select(c => c.GetProperty("allocatedBytes").GetInt64()).Order().ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{path,-60} round trips {trips[trips.Count / 2]} (min {trips[0]}, max {trips[^1]}), allocated {bytes[bytes.Count / 2] / 1024.0:F0} KiB per request"));
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
