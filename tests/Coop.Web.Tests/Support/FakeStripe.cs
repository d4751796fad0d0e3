using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Coop.Web.Features.Treasury.Stripe;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Coop.Web.Tests.Support;

/// <summary>
/// A local HTTP server that answers the few Stripe calls Coop makes (Checkout Sessions, refunds) the way Stripe
/// does, keeps what it was sent for the tests to read, honours idempotency keys, can be told to fail, serves a
/// tiny "hosted checkout" page, and signs the webhooks it sends exactly as Stripe signs them.
/// </summary>
public sealed class FakeStripe : IAsyncDisposable
{
    public const string SecretKey = "sk_test_coop";
    public const string WebhookSecret = "whsec_test_coop";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, JsonObject> _sessions = new();
    private readonly ConcurrentDictionary<string, string> _byIdempotencyKey = new();
    private int _counter;

    public sealed record Received(string Method, string Path, IReadOnlyDictionary<string, string> Form, string? Account, string? IdempotencyKey, string? Authorization);

    public ConcurrentQueue<Received> Requests { get; } = new();
    /// <summary>Answer the next creating calls with this status (500: Stripe is down), then behave again.</summary>
    public int FailNext { get; set; }
    /// <summary>Where hosted-checkout payments send their webhook (the app under test).</summary>
    public HttpClient? Webhooks { get; set; }
    public Uri BaseUrl { get; }

    private FakeStripe(WebApplication app, Uri baseUrl) => (_app, BaseUrl) = (app, baseUrl);

    public static FakeStripe Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeStripe? self = null;
        app.MapPost("/v1/checkout/sessions", (Delegate)((HttpContext http) => self!.CreateSessionAsync(http)));
        app.MapGet("/v1/checkout/sessions/{id}", (HttpContext http, string id) => self!.GetSession(http, id));
        app.MapPost("/v1/refunds", (Delegate)((HttpContext http) => self!.RefundAsync(http)));
        app.MapGet("/pay/{id}", (string id) => Results.Content(
            $"<!doctype html><html lang=\"en\"><title>Checkout</title><main><h1>Fake checkout</h1><form method=\"post\"><button type=\"submit\">Pay</button></form></main></html>", "text/html"));
        app.MapPost("/pay/{id}", (string id) => self!.PayAsync(id));
        app.StartAsync().GetAwaiter().GetResult();
        var address = app.Urls.First();
        self = new FakeStripe(app, new Uri(address + "/"));
        return self;
    }

    /// <summary>The app settings that point Coop at this server.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Stripe:ApiBase"] = BaseUrl.ToString(),
        ["Stripe:SecretKey"] = SecretKey,
        ["Stripe:WebhookSecret"] = WebhookSecret,
        ["Stripe:CheckoutOrigin"] = BaseUrl.GetLeftPart(UriPartial.Authority),
    };

    public JsonObject Session(string id) => _sessions[id];

    public IEnumerable<JsonObject> Sessions => _sessions.Values;

    /// <summary>The member pays on the hosted page: the session completes (card: paid at once; async: unpaid until settled).</summary>
    public JsonObject Complete(string sessionId, bool paidNow = true)
    {
        var session = _sessions[sessionId];
        session["status"] = "complete";
        session["payment_status"] = paidNow ? "paid" : "unpaid";
        session["payment_intent"] = "pi_" + sessionId[3..];
        return session;
    }

    /// <summary>A Stripe event around a copy of the object, from the connected account.</summary>
    public static string Event(string id, string type, JsonObject data, string? account) => new JsonObject
    {
        ["id"] = id,
        ["object"] = "event",
        ["type"] = type,
        ["account"] = account,
        ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["data"] = new JsonObject { ["object"] = JsonNode.Parse(data.ToJsonString()) },
    }.ToJsonString();

    /// <summary>Posts an event to the app signed as Stripe signs it (a wrong secret or an old time forges it).</summary>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient app, string body, string secret = WebhookSecret, DateTimeOffset? at = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        var bytes = Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/stripe") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("Stripe-Signature", StripeSignature.Header(secret, (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds(), bytes));
        return await app.SendAsync(request);
    }

    public static JsonObject Charge(string paymentIntent, long amountRefunded, string? paymentId) => new()
    {
        ["id"] = "ch_" + paymentIntent[3..],
        ["object"] = "charge",
        ["payment_intent"] = paymentIntent,
        ["amount_refunded"] = amountRefunded,
        ["metadata"] = paymentId is null ? new JsonObject() : new JsonObject { ["payment_id"] = paymentId },
    };

    private async Task<IResult> CreateSessionAsync(HttpContext http)
    {
        var form = await ReadAsync(http, "POST");
        if (Fail() is { } failure) return failure;
        var key = http.Request.Headers["Idempotency-Key"].ToString();
        if (key.Length > 0 && _byIdempotencyKey.TryGetValue(key, out var existing)) return Results.Json(_sessions[existing]);
        var id = "cs_test_" + Interlocked.Increment(ref _counter).ToString("D6", CultureInfo.InvariantCulture);
        var metadata = new JsonObject();
        foreach (var (name, value) in form.Where(f => f.Key.StartsWith("metadata[", StringComparison.Ordinal))) metadata[name[9..^1]] = value;
        var session = new JsonObject
        {
            ["id"] = id,
            ["object"] = "checkout.session",
            ["url"] = new Uri(BaseUrl, $"pay/{id}").ToString(),
            ["status"] = "open",
            ["payment_status"] = "unpaid",
            ["payment_intent"] = null,
            ["mode"] = form.GetValueOrDefault("mode"),
            ["amount_total"] = long.Parse(form["line_items[0][price_data][unit_amount]"], CultureInfo.InvariantCulture),
            ["currency"] = form["line_items[0][price_data][currency]"],
            ["client_reference_id"] = form.GetValueOrDefault("client_reference_id"),
            ["success_url"] = form.GetValueOrDefault("success_url"),
            ["metadata"] = metadata,
            ["account"] = http.Request.Headers["Stripe-Account"].ToString(),
        };
        _sessions[id] = session;
        if (key.Length > 0) _byIdempotencyKey[key] = id;
        return Results.Json(session);
    }

    private IResult GetSession(HttpContext http, string id)
    {
        Requests.Enqueue(new Received("GET", http.Request.Path, new Dictionary<string, string>(), http.Request.Headers["Stripe-Account"], null, http.Request.Headers.Authorization));
        return _sessions.TryGetValue(id, out var session) ? Results.Json(session) : Results.Json(new { error = new { type = "invalid_request_error" } }, statusCode: 404);
    }

    private async Task<IResult> RefundAsync(HttpContext http)
    {
        var form = await ReadAsync(http, "POST");
        if (Fail() is { } failure) return failure;
        return Results.Json(new { id = "re_" + Interlocked.Increment(ref _counter), @object = "refund", amount = long.Parse(form["amount"], CultureInfo.InvariantCulture),
            payment_intent = form["payment_intent"], status = "succeeded" });
    }

    /// <summary>The hosted page's "Pay": complete the session, send the signed webhook, and send the browser back to the app.</summary>
    private async Task<IResult> PayAsync(string id)
    {
        var session = Complete(id);
        var body = Event("evt_" + id[3..], "checkout.session.completed", session, session["account"]?.GetValue<string>());
        using var response = await SendAsync(Webhooks ?? throw new InvalidOperationException("Set FakeStripe.Webhooks to the app."), body);
        if (response.StatusCode != HttpStatusCode.OK) return Results.Problem($"webhook answered {(int)response.StatusCode}");
        return Results.Redirect(session["success_url"]!.GetValue<string>().Replace("{CHECKOUT_SESSION_ID}", id, StringComparison.Ordinal));
    }

    private IResult? Fail()
    {
        if (FailNext == 0) return null;
        var status = FailNext;
        FailNext = 0;
        return Results.Json(new { error = new { type = "api_error", message = "Something went wrong on Stripe's end." } }, statusCode: status);
    }

    private async Task<Dictionary<string, string>> ReadAsync(HttpContext http, string method)
    {
        var form = (await http.Request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString());
        Requests.Enqueue(new Received(method, http.Request.Path, form, http.Request.Headers["Stripe-Account"], http.Request.Headers["Idempotency-Key"],
            http.Request.Headers.Authorization));
        return form;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
