using Coop.Data.Tenancy;
using Coop.Web.Features.Tenancy;
using Coop.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Coop.Web.Features.Errors;

[Tenantless]
[AllowAnonymous]
[Route("error")]
[IgnoreAntiforgeryToken]
public sealed class ErrorsController : Controller
{
    [Route("{status:int}")]
    public IActionResult Show(int status)
    {
        var originalPath = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? string.Empty;
        var closed = HttpContext.Items[TenantStatusPages.ClosedTenantItem] as TenantInfo;
        if (IsApi(originalPath))
            return ApiProblems.Problem(HttpContext, status, ProblemTitle(status, closed));
        Response.StatusCode = status;
        return View("Error", new ErrorViewModel(status, closed));
    }

    private static bool IsApi(string path) =>
        path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase) || path.Contains("/api/", StringComparison.OrdinalIgnoreCase);

    private static string ProblemTitle(int status, TenantInfo? closed) => closed is not null
        ? "Error.TenantClosed.Title"
        : status switch
        {
            404 => "Error.NotFound.Title",
            403 => "Error.Forbidden.Title",
            401 => "Error.Unauthorized.Title",
            429 => "Error.TooManyRequests.Title",
            400 => "Error.BadRequest.Title",
            _ => "Error.Generic.Title",
        };
}

public sealed record ErrorViewModel(int Status, TenantInfo? ClosedTenant);
