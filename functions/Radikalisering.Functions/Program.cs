using Microsoft.Extensions.Hosting;
using Radikalisering.Functions;

RadikaliseringWorker.CreateBuilder(args).Build().Run();
