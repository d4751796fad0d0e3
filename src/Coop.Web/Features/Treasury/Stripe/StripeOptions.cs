namespace Coop.Web.Features.Treasury.Stripe;

/// <summary>The platform's Stripe settings (section "Stripe"). Without a secret key, online payment is off and says so.</summary>
public sealed class StripeOptions
{
    /// <summary>Where Stripe's REST API answers; tests point it at a local Stripe-like server.</summary>
    public Uri ApiBase { get; set; } = new("https://api.stripe.com/");
    public string? SecretKey { get; set; }
    /// <summary>The webhook endpoint's signing secret (whsec_…).</summary>
    public string? WebhookSecret { get; set; }
    /// <summary>How far a webhook's timestamp may be from now.</summary>
    public TimeSpan Tolerance { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>How long a checkout may stay pending before the reconciliation asks Stripe about it.</summary>
    public TimeSpan ReconcileAfter { get; set; } = TimeSpan.FromMinutes(30);
}
