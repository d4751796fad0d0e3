namespace Coop.Web.Features.Errors;

public static class ErrorPagesSetup
{
    /// <summary>
    /// Unhandled exceptions and bare status codes re-execute <c>/error/{status}</c>: a page in the visitor's
    /// language, or RFC 7807 problem details for the API. Nobody outside Development sees a stack trace.
    /// </summary>
    public static WebApplication UseCoopErrorPages(this WebApplication app)
    {
        if (app.Environment.IsDevelopment()) app.UseDeveloperExceptionPage();
        else app.UseExceptionHandler("/error/500");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        return app;
    }
}
