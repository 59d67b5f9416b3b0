using Microsoft.AspNetCore.Mvc;

namespace Radikalisering.Core.Http;

public static class HandlerActionResultExtensions
{
    /// <summary>Awaits a handler and wraps its result for a Functions HTTP trigger.</summary>
    public static async Task<IActionResult> AsActionResult(this Task<Microsoft.AspNetCore.Http.IResult> handling)
    {
        return new HandlerActionResult(await handling);
    }
}
