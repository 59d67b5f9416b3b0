using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Radikalisering.Core.Http;

/// <summary>
/// Carries a handler's <see cref="IResult"/> out of a Functions HTTP trigger. The worker's ASP.NET Core
/// integration executes an <see cref="IActionResult"/> in every released version, while only some
/// versions execute a returned <see cref="IResult"/>; this wrapper makes the triggers independent of that.
/// </summary>
public sealed class HandlerActionResult(IResult result) : IActionResult
{
    public IResult Result { get; } = result;

    public Task ExecuteResultAsync(ActionContext context)
    {
        return Result.ExecuteAsync(context.HttpContext);
    }
}
