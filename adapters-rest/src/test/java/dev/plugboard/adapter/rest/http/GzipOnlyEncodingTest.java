package dev.plugboard.adapter.rest.http;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which Accept-Encoding headers get gzip (RFC 9110 12.5.3); everything else gets an uncompressed body. */
class GzipOnlyEncodingTest {

    @ParameterizedTest(name = "Accept-Encoding: {0} -> gzip {1}")
    @CsvSource(delimiter = '|', value = {
            "gzip | true", "GZIP | true", "x-gzip | true", "*  | true", "br, gzip;q=0.1 | true",
            "snappy, *;q=0.5 | true", "gzip;q=0, * | false", "*;q=0 | false", "snappy | false",
            "br, zstd, deflate | false", "identity | false", "gzip;q=zero | false", "'' | false"})
    void acceptsGzip_onlyWhenTheClientDoes(String header, boolean expected) {
        assertThat(GzipOnlyEncoding.acceptsGzip(header)).isEqualTo(expected);
    }
}
