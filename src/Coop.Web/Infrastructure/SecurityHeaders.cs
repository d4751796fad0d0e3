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

    public static WebApplication UseCoopSecurityHeaders(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        var policy = ContentSecurityPolicy(app.Configuration["Stripe:CheckoutOrigin"] ?? "https://checkout.stripe.com");
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = policy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
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
