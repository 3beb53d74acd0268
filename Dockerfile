# The mmlu tool in a container image (used by deploy/kubernetes/).
#   docker build -t mmlu .
#   docker run --rm -v "$PWD:/work" mmlu run --model models/model.gguf --shots 5
# The image runs /opt/mmlu/mmlu in /work; MMLU_HOME=/work/cache holds 'mmlu datasets download' copies.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/ src/
# Portable publish: LLamaSharp picks its native build (noavx, avx, avx2, avx512) from runtimes/ at start.
RUN dotnet publish src/MmluSharp.Cli/MmluSharp.Cli.csproj -c Release -o /opt/mmlu

FROM mcr.microsoft.com/dotnet/runtime:10.0
# llama.cpp's CPU build links OpenMP.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libgomp1 \
    && rm -rf /var/lib/apt/lists/*
COPY --from=build /opt/mmlu /opt/mmlu
# OpenMP threads sleep instead of spinning when they wait: pods sharing a node stay fast.
ENV MMLU_HOME=/work/cache \
    OMP_WAIT_POLICY=PASSIVE \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
WORKDIR /work
ENTRYPOINT ["/opt/mmlu/mmlu"]
CMD ["--help"]
