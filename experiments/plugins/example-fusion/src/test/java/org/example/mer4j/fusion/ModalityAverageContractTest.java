package org.example.mer4j.fusion;

import java.util.Map;
import java.util.stream.Stream;
import org.mer4j.testkit.ContractCase;
import org.mer4j.testkit.FusionContract;

/** The plug-in's own run of mer4j's public fusion contract: its defaults and a wider, dropout-free config. */
class ModalityAverageContractTest extends FusionContract {
    @Override
    protected Stream<ContractCase> contractCases() {
        ModalityAverageProvider provider = new ModalityAverageProvider();
        return Stream.of(ContractCase.defaults(provider), ContractCase.of(provider, Map.of("dModel", 64, "dropout", 0.0)));
    }
}
