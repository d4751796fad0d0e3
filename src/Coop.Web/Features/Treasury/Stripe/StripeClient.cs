using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Coop.Web.Features.Treasury.Stripe;

/// <summary>A Checkout Session as Coop reads it.</summary>
public sealed record StripeSession(string Id, string? Url, string Status, string PaymentStatus, string? PaymentIntent, long AmountTotal, string Currency,
    IReadOnlyDictionary<string, string> Metadata)
{
    public static StripeSession From(JsonElement o) => new(
        o.GetProperty("id").GetString()!,
        StripeJson.Text(o, "url"),
        StripeJson.Text(o, "status") ?? "open",
        StripeJson.Text(o, "payment_status") ?? "unpaid",
        StripeJson.Id(o, "payment_intent"),
        StripeJson.Amount(o, "amount_total"),
        (StripeJson.Text(o, "currency") ?? "").ToUpperInvariant(),
        StripeJson.Metadata(o));
}

/// <summary>Stripe could not be reached or refused the request: nothing was recorded as paid.</summary>
public sealed class StripeUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The few Stripe REST calls Coop needs (Stripe.net is not available here): form-encoded requests with the
/// platform's secret key, the cooperative's connected account in <c>Stripe-Account</c> (it is the merchant of
/// record), and an <c>Idempotency-Key</c> on every creating call so a retried request creates nothing twice.
/// </summary>
public sealed class StripeClient(HttpClient http, IOptions<StripeOptions> options)
{
    public bool Configured => !string.IsNullOrWhiteSpace(options.Value.SecretKey);

    public async Task<StripeSession> CreateCheckoutSessionAsync(string account, IReadOnlyList<KeyValuePair<string, string>> form, string idempotencyKey,
        CancellationToken ct) =>
        StripeSession.From(await SendAsync(HttpMethod.Post, "v1/checkout/sessions", account, form, idempotencyKey, ct));

    public async Task<StripeSession> GetCheckoutSessionAsync(string account, string id, CancellationToken ct) =>
        StripeSession.From(await SendAsync(HttpMethod.Get, $"v1/checkout/sessions/{Uri.EscapeDataString(id)}", account, null, null, ct));

    /// <summary>Refunds part of a payment intent; returns the refund's id.</summary>
    public async Task<string> CreateRefundAsync(string account, string paymentIntent, long amountMinor, string idempotencyKey, CancellationToken ct)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("payment_intent", paymentIntent),
            new("amount", amountMinor.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        return (await SendAsync(HttpMethod.Post, "v1/refunds", account, form, idempotencyKey, ct)).GetProperty("id").GetString()!;
    }

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, string account, IReadOnlyList<KeyValuePair<string, string>>? form, string? idempotencyKey,
        CancellationToken ct)
    {
        if (!Configured) throw new StripeUnavailableException("Stripe is not configured.");
        using var request = new HttpRequestMessage(method, new Uri(options.Value.ApiBase, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.SecretKey);
        request.Headers.Add("Stripe-Account", account);
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        if (form is not null) request.Content = new FormUrlEncodedContent(form);
        try
        {
            using var response = await http.SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode) throw new StripeUnavailableException($"Stripe answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 300)]}");
            using var document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException && !ct.IsCancellationRequested)
        {
            throw new StripeUnavailableException("Stripe could not be reached.", ex);
        }
    }
}

/// <summary>Reading Stripe's JSON, where an expandable field is either an id or the object itself.</summary>
public static class StripeJson
{
    public static string? Text(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static long Amount(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : 0;

    public static string? Id(JsonElement o, string name) => o.TryGetProperty(name, out var v)
        ? v.ValueKind switch { JsonValueKind.String => v.GetString(), JsonValueKind.Object => Text(v, "id"), _ => null }
        : null;

    public static IReadOnlyDictionary<string, string> Metadata(JsonElement o) =>
        o.TryGetProperty("metadata", out var m) && m.ValueKind == JsonValueKind.Object
            ? m.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String).ToDictionary(p => p.Name, p => p.Value.GetString()!)
            : new Dictionary<string, string>();
}
