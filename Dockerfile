# kcbx in a container: a release binary built on the official Swift image, run on Debian slim.
# Build: docker build -t kcbx .
# Run:   docker run --rm -v "$PWD:/data" kcbx run pipelines/demo.yaml
FROM swift:6.3-bookworm AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends libxml2-dev zlib1g-dev libxlsxwriter-dev libsqlite3-dev pkg-config \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Resolve dependencies first so that source changes do not refetch them.
COPY Package.swift ./
RUN swift package resolve
COPY Sources ./Sources
COPY Data ./Data
COPY Tests ./Tests
# The generated tables (kcbx_KCBXData.resources) go beside the binary: kcbx looks for them there.
RUN swift build -c release --product kcbx --static-swift-stdlib \
 && bin="$(swift build -c release --show-bin-path)" \
 && install -D "$bin/kcbx" /out/kcbx \
 && cp -R "$bin"/*.resources /out/

FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends libxml2 zlib1g libxlsxwriter4 libsqlite3-0 tzdata ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --create-home --uid 1000 kcbx
COPY --from=build /out/ /usr/local/bin/
USER kcbx
WORKDIR /data
ENV TZ=Asia/Shanghai
ENTRYPOINT ["kcbx"]
CMD ["--help"]
