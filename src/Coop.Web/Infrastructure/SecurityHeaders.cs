namespace Coop.Web.Infrastructure;

/// <summary>
/// Headers on every response. The CSP allows nothing but our own origin: no inline script or style, no third-party
/// tracker, no framing. <c>data:</c> images only, for the two-factor QR code.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// The policy for every page. Forms post only to Coop, except that paying redirects to the payment provider's
    /// hosted checkout (<paramref name="checkoutOrigin"/>): browsers apply form-action to the redirect too.
    /// </summary>
    public static string ContentSecurityPolicy(string checkoutOrigin) =>
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        $"connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self' {checkoutOrigin}; frame-ancestors 'none'";

    private const string FramingKey = "Coop.AllowFraming";

    /// <summary>
    /// For the one page meant for partner sites (the embeddable subscription form): any site may frame this response.
    /// Everything else stays unframeable.
    /// </summary>
    public static void AllowFraming(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[FramingKey] = true;
    }

    public static WebApplication UseCoopSecurityHeaders(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        var policy = ContentSecurityPolicy(app.Configuration["Stripe:CheckoutOrigin"] ?? "https://checkout.stripe.com");
        var framed = policy.Replace("frame-ancestors 'none'", "frame-ancestors *", StringComparison.Ordinal);
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                var frameable = context.Items.ContainsKey(FramingKey);
                headers.ContentSecurityPolicy = frameable ? framed : policy;
                headers.XContentTypeOptions = "nosniff";
                if (!frameable) headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), interest-cohort=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }
}
