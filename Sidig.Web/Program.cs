using Sidig.Infrastructure;
using Sidig.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddSidigLogging();
builder.Services.AddSidigInfrastructure(builder.Configuration);
builder.Services.AddSidigWeb(builder.Configuration);

var app = builder.Build();
if (await app.RunCommandLineAsync(args)) return; // `--migrate`: apply migrations and exit
await app.InitializeDatabaseAsync();
app.UseSidig();
app.Run();

public partial class Program;
